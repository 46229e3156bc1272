using System.Text.Json;
using TruthGraph.CrossEncoderTraining.Evaluation;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>Everything a run decided and measured; rewritten after every evaluation so an interrupted run keeps it.</summary>
public sealed record RunSummary
{
    public required TrainSettings Settings { get; init; }
    public required string BaseSha256 { get; init; }
    public required IReadOnlyDictionary<string, int> TrainPairsBySource { get; init; }
    public required double[] ClassWeights { get; init; }
    public required int TuneClaims { get; init; }
    public required string NativeLoad { get; init; }
    public List<CurvePoint> Curve { get; init; } = [];
    public CurvePoint? Best { get; set; }
    public int Steps { get; set; }
    public double TrainingMinutes { get; set; }
    public double TrainPairsPerSecond { get; set; }
    public string? BestArtifactSha256 { get; set; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
}
