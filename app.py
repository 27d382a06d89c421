"""Serve both apps: `python app.py` (or `assistant serve`, `make run`).

The public app (citizen widget, HTTP API, source viewer; public documents only) listens on
ASSISTANT_HOST:ASSISTANT_PORT (default 127.0.0.1:7860); the staff app (chat, admin, every
document, behind sign-in) on ASSISTANT_STAFF_HOST:ASSISTANT_STAFF_PORT (default 127.0.0.1:7861).
"""

from assistant.server import serve

if __name__ == "__main__":
    serve()
