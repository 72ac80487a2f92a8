curl -A 'BotStudio/2.1 (+https://example.com/bot)' -e 'https://example.com/start;auto' https://api.example.com/v1/ping
