curl -X patch "https://api.example.com/v1/chats/c_91" -H "Content-Type: application/json" -d "{\"status\": \"closed\", \"price\": \"\$5\"}"
