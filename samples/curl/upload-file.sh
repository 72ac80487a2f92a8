curl -T body.json https://api.example.com/v1/files/
