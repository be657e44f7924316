Console.WriteLine("bsi");
