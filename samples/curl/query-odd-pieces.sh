curl -g 'https://api.example.com/v1/search?q=caf%C3%A9&tags[]=a&tags[]=b&empty=&flag&=x#results'
