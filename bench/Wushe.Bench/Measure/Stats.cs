namespace Wushe.Bench.Measure;

/// <summary>Timings of one case in milliseconds, with nearest-rank percentiles.</summary>
sealed class Stats(string name, IReadOnlyList<double> ms)
{
    readonly double[] sorted = ms.Order().ToArray();

    public string Name { get; } = name;
    public int Count => sorted.Length;
    public double Median => Percentile(50);
    public double P95 => Percentile(95);
    public double Min => sorted[0];
    public double Max => sorted[^1];

    public double Percentile(double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
