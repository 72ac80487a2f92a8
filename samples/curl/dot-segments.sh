curl 'https://api.example.com/v1/../v2/./users/'
