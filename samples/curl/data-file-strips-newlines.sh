curl -X POST https://api.example.com/v1/upload -d @crlf.txt
