curl --user 'bot:' --referer https://example.com/ --user-agent '' -H 'User-Agent: Custom/1.0' https://api.example.com/v1/whoami
