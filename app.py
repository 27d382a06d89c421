"""Serve the chat: `python app.py` (what `make run` starts) on 127.0.0.1:7860."""

import os

from assistant.web import build_chat

if __name__ == "__main__":
    build_chat().launch(
        server_name=os.environ.get("ASSISTANT_HOST", "127.0.0.1"),
        server_port=int(os.environ.get("ASSISTANT_PORT", "7860")),
    )
