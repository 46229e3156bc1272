using TruthGraph.Api.Verification;
using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.CrossEncoderTraining.Evaluation;

/// <summary>The tokenized evaluation splits with their gold labels, built once per run.</summary>
public sealed class EvaluationSet
{
    public required IReadOnlyList<EncodedPair> TunePairs { get; init; }
    public required IReadOnlyList<int> TuneGold { get; init; }
    public required IReadOnlyList<int> TuneClaimSizes { get; init; }
    public required IReadOnlyList<Verdict> TuneVerdicts { get; init; }
    public required IReadOnlyList<EncodedPair> DevPairs { get; init; }
    public required IReadOnlyList<int> DevGold { get; init; }
    public required IReadOnlyList<int> DevClaimSizes { get; init; }
    public required IReadOnlyList<Verdict> DevVerdicts { get; init; }
    public required IReadOnlyList<EncodedPair> SnliPairs { get; init; }
    public required IReadOnlyList<int> SnliGold { get; init; }

    public static EvaluationSet Build(TrainingData data, BertWordPieceTokenizer tokenizer, int maxTokens)
    {
        List<EncodedPair> Encode(IEnumerable<NliPair> pairs) =>
            pairs.Select(p => EncodedPair.Encode(tokenizer, p.Premise, p.Hypothesis, maxTokens)).ToList();
        return new EvaluationSet
        {
            TunePairs = Encode(data.TuneClaims.SelectMany(c => c.Pairs)),
            TuneGold = data.TuneClaims.SelectMany(c => c.Pairs).Select(p => (int)p.Label).ToList(),
            TuneClaimSizes = data.TuneClaims.Select(c => c.Pairs.Count).ToList(),
            TuneVerdicts = data.TuneClaims.Select(c => c.Label).ToList(),
            DevPairs = Encode(data.DevClaims.SelectMany(c => c.Pairs)),
            DevGold = data.DevClaims.SelectMany(c => c.Pairs).Select(p => (int)p.Label).ToList(),
            DevClaimSizes = data.DevClaims.Select(c => c.Pairs.Count).ToList(),
            DevVerdicts = data.DevClaims.Select(c => c.Label).ToList(),
            SnliPairs = Encode(data.SnliTest),
            SnliGold = data.SnliTest.Select(p => (int)p.Label).ToList(),
        };
    }
}
