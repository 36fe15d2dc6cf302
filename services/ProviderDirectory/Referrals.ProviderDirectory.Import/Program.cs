Console.WriteLine("usage: import <seed files>");
return 2;
