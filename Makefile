# custody: the two commands the README starts with are `make demo` and `make test`.
SWIFT ?= swift
CUSTODY = .build/debug/custody

.PHONY: deps build test demo release format clean

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

demo: build
	./scripts/demo.sh $(CUSTODY)

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build demo
