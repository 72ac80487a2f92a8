# expect-warning: -u
# With --oauth2-bearer alone among the schemes, curl sends the token and not -u.
curl -u alice:pw --oauth2-bearer 'ya29.token' https://api.example.com/v1/me
