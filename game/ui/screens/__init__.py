"""One screen per file. Each renders what the engine says and asks the app to move between them."""
