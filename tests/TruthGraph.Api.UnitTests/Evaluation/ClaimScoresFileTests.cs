using System.Text.Json;

namespace TruthGraph.Api.UnitTests.Evaluation;

public sealed class ClaimScoresFileTests
{
    private static VerificationResult Result(string claim, Verdict verdict, params ScoredEvidence[] evidence) =>
        new(Guid.NewGuid(), claim, verdict, 0.9, evidence, null, new ModelIds("embed", "nli"), 1, false, DateTimeOffset.UnixEpoch);

    private static ScoredEvidence Evidence(string text, double similarity, double entailment, double neutral, double contradiction,
        PairProbabilities? uncalibrated = null) =>
        new(1, "source", "ext", text, similarity, entailment, neutral, contradiction, PairLabel.Entailment, uncalibrated);

    [Fact]
    public async Task Each_claim_is_one_line_with_its_verdicts_and_the_uncalibrated_scores_of_every_evidence()
    {
        LabelledClaim[] claims =
        [
            new("c1", "Water boils at 50 °C.", Verdict.Refuted, [], "number"),
            new("c2", "Ottawa is Canada's capital.", Verdict.Supported, []),
        ];
        VerificationResult[] results =
        [
            // Shown probabilities are calibrated; the file must hold the ones the verdict was decided on.
            Result("Water boils at 50 °C.", Verdict.Supported,
                Evidence("Water boils at 100 °C.", 0.91, 0.6, 0.1, 0.3, new PairProbabilities(0.2, 0.1, 0.7)),
                Evidence("Ice melts at 0 °C.", 0.52, 0.1, 0.8, 0.1)),
            Result("Ottawa is Canada's capital.", Verdict.NotEnoughInfo),
        ];
        var path = Path.GetTempFileName();
        try
        {
            await ClaimScoresFile.WriteAsync(path, ClaimScoresFile.Pair(claims, results));

            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal(2, lines.Length);
            using var first = JsonDocument.Parse(lines[0]);
            var root = first.RootElement;
            Assert.Equal(("c1", "number", "REFUTED", "SUPPORTED"), (root.GetProperty("id").GetString(), root.GetProperty("kind").GetString(),
                root.GetProperty("gold").GetString(), root.GetProperty("verdict").GetString()));
            var evidence = root.GetProperty("evidence");
            Assert.Equal(2, evidence.GetArrayLength());
            Assert.Equal("Water boils at 100 °C.", evidence[0].GetProperty("text").GetString());
            Assert.Equal((0.91, 0.2, 0.7), (evidence[0].GetProperty("similarity").GetDouble(), evidence[0].GetProperty("entailment").GetDouble(),
                evidence[0].GetProperty("contradiction").GetDouble()));
            Assert.Equal(0.8, evidence[1].GetProperty("neutral").GetDouble());

            using var second = JsonDocument.Parse(lines[1]);
            Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("kind").ValueKind);
            Assert.Equal("NOT_ENOUGH_INFO", second.RootElement.GetProperty("verdict").GetString());
            Assert.Equal(0, second.RootElement.GetProperty("evidence").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Claims_and_results_of_different_lengths_are_refused()
    {
        LabelledClaim[] claims = [new("c1", "claim", Verdict.Supported, [])];
        Assert.Throws<ArgumentException>(() => ClaimScoresFile.Pair(claims, []));
    }
}
