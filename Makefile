dist:
	scripts/dist

.PHONY: dist
