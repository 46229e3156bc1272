namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// The templated negation / quantifier / comparative / counting / boolean / conditional probes (nli/fragments/*_train.jsonl,
/// same layout as SNLI). Only a seeded sample of each is used, and with a low weight: they teach the logic words, but a
/// model that sees many of them learns their templates instead.
/// </summary>
public static class SemanticFragments
{
    public static IReadOnlyList<NliPair> Read(string nliDirectory, int perFile, Random random)
    {
        var folder = Path.Combine(nliDirectory, "fragments");
        if (perFile == 0 || !Directory.Exists(folder))
        {
            return [];
        }
        return Directory.GetFiles(folder, "*_train.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(file =>
            {
                var pairs = Datasets.ReadSnli(file);
                return perFile < 0 || perFile >= pairs.Count ? pairs : pairs.OrderBy(_ => random.Next()).Take(perFile).ToList();
            })
            .ToList();
    }
}
