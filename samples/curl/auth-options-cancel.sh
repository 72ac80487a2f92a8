# --no-digest takes Digest back out of curl's set of schemes: Basic, as with -u alone.
curl -u alice:pw --digest --no-digest https://api.example.com/v1/me
