using System.Text.Json;
using TruthGraph.Api.Verification;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// A training pair whose gold answer is a set of allowed classes: one class for 3-way data, {neutral, contradiction}
/// for RTE's two-way "not_entailment". The loss is −log of the probability mass on the allowed set, times
/// <see cref="Weight"/> (the source's weight in the mix) and the class weight.
/// </summary>
public sealed record LabelledPair(string Premise, string Hypothesis, IReadOnlyList<NliLabel> Allowed, string Source, double Weight = 1)
{
    public static LabelledPair Single(NliPair pair, string source, double weight = 1) =>
        new(pair.Premise, pair.Hypothesis, [pair.Label], source, weight);
}

/// <summary>What goes into one run and how much each source counts (see models/README.md for the shipped mix).</summary>
public sealed record DataMix(
    double TuneShare, int SnliLimit, int RteLimit, int FeverLimit, int FeverNeutrals, int FragmentsPerFile,
    double ClimateWeight, double RteWeight, double FragmentWeight, int Seed, int Mutations = 0,
    int NegationFlips = 0, int NameSwaps = 0, int AntonymSwaps = 0, bool HoldOutFever = false, int? SampleSeed = null,
    int SameTemplateNeutrals = 0, int SubjectSwaps = 0, int TruePairs = 0, int Rewordings = 0, int Specificity = 0,
    int NegationAgreements = 0, bool NegationAgreementNameSwaps = false);

/// <summary>The splits one run uses, all read from the shared data folder.</summary>
public sealed record TrainingData(
    IReadOnlyList<LabelledPair> Train,
    IReadOnlyList<ClaimExample> TuneClaims,
    IReadOnlyList<ClaimExample> DevClaims,
    IReadOnlyList<NliPair> SnliTest)
{
    /// <summary>
    /// CLIMATE-FEVER train minus a held-out share of its claims (for choosing the checkpoint, offsets and verdict
    /// thresholds, so that dev stays untouched), FEVER with neutrals from similar claims, the SNLI dev subset, RTE and
    /// a few semantic-fragment probes, each optionally capped (a seeded sample). <paramref name="embed"/> gives the
    /// sentence vectors the FEVER neutrals are matched by.
    /// </summary>
    public static TrainingData Load(string dataDirectory, DataMix mix,
        Func<IEnumerable<string>, IReadOnlyDictionary<string, float[]>>? embed = null, Action<string>? log = null)
    {
        var random = new Random(mix.Seed);
        var nli = Path.Combine(dataDirectory, "nli");
        var climate = Datasets.ReadClimateFever(Path.Combine(dataDirectory, "climate-fever", "train.jsonl"));
        var shuffled = climate.OrderBy(_ => random.Next()).ToList();
        var tuneCount = (int)Math.Round(shuffled.Count * mix.TuneShare);
        var tune = shuffled.Take(tuneCount).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var train = shuffled.Skip(tuneCount).SelectMany(c => c.Pairs)
            .Select(p => LabelledPair.Single(p, "climate-fever", mix.ClimateWeight)).ToList();
        if (mix.SampleSeed is { } sampleSeed)
        {
            // A later stage draws other samples and mutations while keeping the same held-out claims (split by Seed).
            random = new Random(sampleSeed);
        }

        var snli = Datasets.ReadSnli(Path.Combine(nli, "snli_dev_subset.jsonl"));
        train.AddRange(Sample(snli, mix.SnliLimit, random).Select(p => LabelledPair.Single(p, "snli")));
        train.AddRange(Sample(ReadRte(Path.Combine(nli, "rte_all_labeled.jsonl")), mix.RteLimit, random)
            .Select(p => p with { Weight = mix.RteWeight }));

        var feverPath = Path.Combine(nli, "fever_pairs.jsonl");
        if (mix.FeverLimit != 0 && File.Exists(feverPath))
        {
            // Same layout as the SNLI files: premise (Wikipedia evidence), hypothesis (claim), entailment / contradiction.
            var allFever = Datasets.ReadSnli(feverPath);
            if (mix.HoldOutFever)
            {
                // Short-fact claims the model never sees, for tuning verdict thresholds beside CLIMATE-FEVER's claims.
                allFever = allFever.Where(p => !FeverHoldOut.IsHeldOut(p.Hypothesis)).ToList();
            }
            var fever = Sample(allFever, mix.FeverLimit, random);
            train.AddRange(fever.Select(p => LabelledPair.Single(p, "fever")));
            if (mix.Mutations > 0)
            {
                // FEVER's supported claims are short true sentences: good material for negation and number flips.
                var mutations = ClaimMutations.Build(fever.Where(p => p.Label == NliLabel.Entailment).Select(p => p.Hypothesis), mix.Mutations, random);
                log?.Invoke($"mutation contradictions: {mutations.Count}");
                train.AddRange(mutations.Select(p => LabelledPair.Single(p, "mutations")));
            }
            AddEvidenceClaimMutations(train, fever, mix, random, log);
            if (mix.Rewordings > 0)
            {
                var rewordings = ClaimRewordings.Build(fever, mix.Rewordings, random);
                log?.Invoke($"reworded claims: {rewordings.Count} pairs ({rewordings.Count(p => p.Allowed[0] == NliLabel.Contradiction)} contradictions)");
                train.AddRange(rewordings);
            }
            if (mix.NegationAgreements > 0)
            {
                // Its own generator, so that adding this source leaves every other source's sample as it was.
                var agreements = NegationAgreements.Build(fever, mix.NegationAgreements, new Random((mix.SampleSeed ?? mix.Seed) + NegationAgreementsSeedOffset),
                    mix.NegationAgreementNameSwaps);
                log?.Invoke($"negation agreements: {agreements.Count} pairs ({agreements.Count(p => p.Label == NliLabel.Entailment)} entailments, " +
                    $"{agreements.Count(p => p.Label == NliLabel.Neutral)} neutrals)");
                train.AddRange(agreements.Select(p => LabelledPair.Single(p, NegationAgreements.Source)));
            }
            if (mix.Specificity > 0)
            {
                var specific = SpecificityPairs.Build(fever, mix.Specificity, random);
                log?.Invoke($"specificity pairs (coarser dates, number bounds, rather than): {specific.Count}");
                train.AddRange(specific);
            }
            if (mix.FeverNeutrals + mix.SameTemplateNeutrals + mix.SubjectSwaps + mix.TruePairs > 0)
            {
                var vectors = (embed ?? throw new ArgumentNullException(nameof(embed), "FEVER neutrals and subject swaps need sentence vectors."))
                    (fever.Select(p => p.Hypothesis));
                AddNeighbourPairs(train, fever, vectors, mix, random, log);
            }
        }
        train.AddRange(SemanticFragments.Read(nli, mix.FragmentsPerFile, random)
            .Select(p => LabelledPair.Single(p, "fragments", mix.FragmentWeight)));

        return new TrainingData(
            train,
            tune,
            Datasets.ReadClimateFever(Path.Combine(dataDirectory, "climate-fever", "dev.jsonl")),
            Datasets.ReadSnli(Path.Combine(nli, "snli_test_subset.jsonl")));
    }

    private const int NegationAgreementsSeedOffset = 11;

    /// <summary>FEVER claims mutated against their own evidence (<see cref="EvidenceClaimMutations"/>).</summary>
    private static void AddEvidenceClaimMutations(List<LabelledPair> train, IReadOnlyList<NliPair> fever, DataMix mix, Random random,
        Action<string>? log)
    {
        var flips = EvidenceClaimMutations.NegationFlips(fever, mix.NegationFlips, random);
        var names = EvidenceClaimMutations.NameSwaps(fever, mix.NameSwaps, random);
        var antonyms = EvidenceClaimMutations.AntonymSwaps(fever, mix.AntonymSwaps, random);
        if (flips.Count + names.Count + antonyms.Count > 0)
        {
            log?.Invoke($"negation flips against evidence: {flips.Count} ({flips.Count(p => p.Label == NliLabel.Entailment)} entailments), " +
                $"name swaps: {names.Count}, antonym swaps: {antonyms.Count}");
        }
        train.AddRange(flips.Select(p => LabelledPair.Single(p, "negation-flips")));
        train.AddRange(names.Select(p => LabelledPair.Single(p, "name-swaps")));
        train.AddRange(antonyms.Select(p => LabelledPair.Single(p, "antonym-swaps")));
    }

    /// <summary>Pairs built from each claim's nearest other claims by sentence embedding.</summary>
    private static void AddNeighbourPairs(List<LabelledPair> train, IReadOnlyList<NliPair> fever, IReadOnlyDictionary<string, float[]> vectors,
        DataMix mix, Random random, Action<string>? log)
    {
        var neutrals = SimilarClaimNeutrals.Build(fever, vectors, mix.FeverNeutrals, random);
        log?.Invoke($"FEVER neutrals from similar claims: {neutrals.Count} of {mix.FeverNeutrals} wanted");
        train.AddRange(neutrals.Select(p => LabelledPair.Single(p, "fever-neutral")));
        if (mix.SameTemplateNeutrals > 0)
        {
            var sameTemplate = SameTemplateNeutrals.Build(fever, vectors, mix.SameTemplateNeutrals, random);
            log?.Invoke($"neutrals between claims about different subjects: {sameTemplate.Count} of {mix.SameTemplateNeutrals} wanted");
            train.AddRange(sameTemplate.Select(p => LabelledPair.Single(p, "same-template-neutral")));
        }
        if (mix.SubjectSwaps > 0)
        {
            var swaps = SubjectSwaps.Build(fever, vectors, mix.SubjectSwaps, random);
            log?.Invoke($"subject swaps (not entailment): {swaps.Count} of {mix.SubjectSwaps} wanted");
            train.AddRange(swaps);
        }
        if (mix.TruePairs > 0)
        {
            var truths = TruePairs.Build(fever, vectors, mix.TruePairs, random);
            log?.Invoke($"pairs of two true neighbouring sentences (not contradiction): {truths.Count} of {mix.TruePairs} wanted");
            train.AddRange(truths);
        }
    }

    public static IReadOnlyList<LabelledPair> ReadRte(string path)
    {
        var pairs = new List<LabelledPair>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            IReadOnlyList<NliLabel> allowed = root.GetProperty("label").GetString() switch
            {
                "entailment" => [NliLabel.Entailment],
                "not_entailment" => [NliLabel.Neutral, NliLabel.Contradiction],
                var other => throw new InvalidDataException($"Unknown RTE label '{other}' in {path}."),
            };
            pairs.Add(new LabelledPair(root.GetProperty("premise").GetString()!, root.GetProperty("hypothesis").GetString()!, allowed, "rte"));
        }
        return pairs;
    }

    /// <summary>Class weights N / (3 · count) over the single-class pairs; a set's weight is the mean of its classes'.</summary>
    public static double[] ClassWeights(IReadOnlyList<LabelledPair> pairs) =>
        NliLabels.ClassWeights(pairs.Where(p => p.Allowed.Count == 1).Select(p => p.Allowed[0]).ToList());

    private static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int limit, Random random) =>
        limit < 0 || limit >= items.Count ? items : items.OrderBy(_ => random.Next()).Take(limit).ToList();
}
