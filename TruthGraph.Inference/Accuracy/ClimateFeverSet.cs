using TruthGraph.ServiceDefaults.Datasets;

namespace TruthGraph.Inference.Accuracy;

/// <summary>One CLIMATE-FEVER claim: its text and label, and the indexes of its labelled evidence in the corpus with their pair labels.</summary>
public sealed record ClimateFeverClaim(string Id, string Text, string Label, IReadOnlyList<(int Evidence, string Label)> Evidence);

/// <summary>
/// A CLIMATE-FEVER split as the accuracy check uses it: the claims, and the retrieval corpus (every evidence sentence,
/// unique by <c>evidence_id</c>), which is what the evaluation harness loads into its database.
/// </summary>
public sealed record ClimateFeverSet(string Source, IReadOnlyList<ClimateFeverClaim> Claims, IReadOnlyList<string> Corpus)
{
    public int Pairs => Claims.Sum(c => c.Evidence.Count);

    public static ClimateFeverSet Read(string path)
    {
        var corpus = new List<string>();
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        int CorpusIndex(ClimateFeverEvidence evidence)
        {
            if (!indexById.TryGetValue(evidence.EvidenceId, out var index))
            {
                index = indexById[evidence.EvidenceId] = corpus.Count;
                corpus.Add(evidence.Text);
            }
            return index;
        }
        var claims = ClimateFeverFile.Read(path, record => new ClimateFeverClaim(record.ClaimId, record.Claim, record.ClaimLabel,
            record.Evidence.Select(e => (CorpusIndex(e), e.Label)).ToList()));
        return new ClimateFeverSet(path, claims, corpus);
    }
}
