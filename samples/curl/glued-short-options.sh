curl -sSL -XPOST -H'Accept: application/json' -H"Content-Type: application/json" -d'{"glued":true}' https://api.example.com/v1/glued
