"""Serve the chat, the widget and the HTTP API on one port: `python app.py` (or `assistant serve`).

Listens on ASSISTANT_HOST:ASSISTANT_PORT (default 127.0.0.1:7860).
"""

from assistant.server import serve

if __name__ == "__main__":
    serve()
