/**
 * This file exports all type definitions.
 */

import './gjs.d.ts';
import './dom.d.ts';
import './gi.d.ts';
import './console.d.ts';

