// Placeholder so the solution builds; the benchmarks (generate, measure) replace it.
Console.Error.WriteLine("Usage: Wushe.Bench generate|measure [options]   (benchmarks not committed yet)");
return 2;
