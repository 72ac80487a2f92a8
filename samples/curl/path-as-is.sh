curl --path-as-is 'https://api.example.com/static/../v2/./users'
