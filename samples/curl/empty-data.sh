curl -d '' -X PATCH https://api.example.com/v1/chats/c_91/read
