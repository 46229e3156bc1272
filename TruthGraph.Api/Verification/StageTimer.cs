namespace TruthGraph.Api.Verification;

public enum Stage { Embed, Retrieve, Nli, Aggregate, Db }

/// <summary>Adds up the wall time of each pipeline stage and opens one span per stage step.</summary>
internal sealed class StageTimer
{
    private readonly double[] _milliseconds = new double[Enum.GetValues<Stage>().Length];

    public async Task<T> TimeAsync<T>(Stage stage, ActivitySource source, string name, Func<Task<T>> step)
    {
        using var activity = source.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await step();
        }
        finally
        {
            Record(stage, started);
        }
    }

    public T Time<T>(Stage stage, ActivitySource source, string name, Func<T> step)
    {
        using var activity = source.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return step();
        }
        finally
        {
            Record(stage, started);
        }
    }

    public StageTimings ToTimings(double totalMs) => new(
        Round(_milliseconds[(int)Stage.Embed]), Round(_milliseconds[(int)Stage.Retrieve]), Round(_milliseconds[(int)Stage.Nli]),
        Round(_milliseconds[(int)Stage.Aggregate]), Round(_milliseconds[(int)Stage.Db]), Round(totalMs));

    private void Record(Stage stage, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _milliseconds[(int)stage] += elapsed;
        VerificationTelemetry.StageDuration.Record(elapsed, new KeyValuePair<string, object?>("stage", stage.ToString().ToLowerInvariant()));
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}
