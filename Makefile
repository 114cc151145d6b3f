# The two commands of the README. Each installs what is missing first (system packages
# through apt or dnf, then npm packages), so they work on a fresh machine.
.PHONY: run test build setup bench clean pot

run: setup build
	gjs -m dist/main.js

test:
	bash tools/test.sh

setup:
	bash tools/setup.sh

build:
	node tools/build.mjs

pot:
	bash po/update-pot.sh

clean:
	rm -rf dist build
