"""``python -m botkit`` runs the same CLI as the ``botkit`` command."""

from botkit.launch import main

if __name__ == "__main__":
    main()
