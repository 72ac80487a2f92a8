curl --json '{"event":"assigned","chatId":"c_91"}' https://api.example.com/v1/webhooks/test
