using System.Globalization;
using TruthGraph.Api.Evaluation;

namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>calibrate --data FILE --inference URL --nli-model ID [--kind K] [--manifest models/ID.json]</c>: sends every gold
/// (evidence, claim) pair of a CLIMATE-FEVER-format file through the inference service's <c>POST /v1/nli</c> (the
/// probabilities users get, after the manifest's offsets), fits one temperature on them by minimising the negative
/// log-likelihood, prints the expected calibration error (15 bins, top-label confidence) and the reliability diagram
/// before and after, and with <c>--manifest</c> writes the result into the manifest's <c>calibration</c> block.
/// <c>--kind</c> picks the claims to fit on: <c>climate-fever</c> (claims without a kind) or a kind such as
/// <c>fever-held-out</c>; the file's other claims are measured with the fitted temperature as a check. The file must
/// hold pairs the model never trained on (models/README.md, "Calibration"): never dev, samples or the contrast set.
/// </summary>
public static class CalibrateCommand
{
    public const string Name = "calibrate";

    private const string Usage =
        "usage: calibrate --data FILE --inference URL --nli-model ID [--kind climate-fever|KIND] [--manifest models/ID.json] [--fitted-on TEXT]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        if (!options.TryGetValue("data", out var data) || !options.TryGetValue("inference", out var inference)
            || !options.TryGetValue("nli-model", out var model))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var claims = ClimateFeverClaims.Read(data);
        var kind = options.GetValueOrDefault("kind");
        var fitClaims = claims.Where(c => kind is null || KindOf(c) == kind).ToList();
        var checkClaims = claims.Except(fitClaims).ToList();
        if (fitClaims.Sum(c => c.Evidence.Count) == 0)
        {
            Console.Error.WriteLine($"{data} holds no labelled pairs{(kind is null ? "" : $" of kind '{kind}'")}.");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = new Uri(inference), Timeout = TimeSpan.FromMinutes(5) };
        var nli = new HttpNliClient(http);
        var fitPairs = await ScoreAsync(nli, model, fitClaims);
        var fit = TemperatureFit.On(fitPairs);
        var describedFit = $"{fitClaims.Count} claims{(kind is null ? "" : $" of kind {kind}")} of {Path.GetFileName(data)}";
        Console.WriteLine($"{model}: {fit.Before.Pairs} gold pairs from {describedFit} through POST /v1/nli");
        Console.WriteLine($"  pair accuracy {fit.Before.Accuracy:F3} (unchanged by a temperature)");
        Console.WriteLine($"  temperature {fit.Temperature:F3}");
        Console.WriteLine($"  ECE (15 bins, top-label) before {fit.Before.ExpectedCalibrationError:F4}, after {fit.After.ExpectedCalibrationError:F4}");
        Console.WriteLine($"  NLL before {fit.Before.NegativeLogLikelihood:F4}, after {fit.After.NegativeLogLikelihood:F4}");
        PrintBins("before", fit.Before);
        PrintBins("after", fit.After);

        (string, CalibrationReport, CalibrationReport)? check = null;
        if (checkClaims.Sum(c => c.Evidence.Count) > 0)
        {
            var (before, after) = fit.MeasureOn(await ScoreAsync(nli, model, checkClaims));
            var on = $"the file's other {checkClaims.Count} claims ({string.Join(", ", checkClaims.Select(KindOf).Distinct())})";
            Console.WriteLine($"  check on {on}: {before.Pairs} pairs, ECE before {before.ExpectedCalibrationError:F4}, after {after.ExpectedCalibrationError:F4}");
            check = (on, before, after);
        }

        if (options.TryGetValue("manifest", out var manifestPath))
        {
            var fittedOn = options.GetValueOrDefault("fitted-on", describedFit);
            var command = $"calibrate --data {Path.GetFileName(data)} --nli-model {model}{(kind is null ? "" : $" --kind {kind}")} (scripts/calibrate.sh)";
            var block = ManifestCalibration.Block(fit, fittedOn, command, check);
            await File.WriteAllTextAsync(manifestPath, ManifestCalibration.WithCalibration(await File.ReadAllTextAsync(manifestPath), block));
            Console.WriteLine($"calibration written to {manifestPath}");
        }
        return 0;
    }

    private static string KindOf(LabelledClaim claim) => claim.Kind ?? "climate-fever";

    private static async Task<List<LabelledProbabilities>> ScoreAsync(HttpNliClient nli, string model, IReadOnlyList<LabelledClaim> claims)
    {
        var gold = claims.SelectMany(c => c.Evidence.Select(e => (Pair: ModelInput.Pair(e.Text, c.Claim), e.PairLabel))).ToList();
        var scored = new List<LabelledProbabilities>(gold.Count);
        foreach (var chunk in gold.Chunk(64))
        {
            var response = await nli.ClassifyAsync(chunk.Select(p => p.Pair).ToList(), model, CancellationToken.None);
            scored.AddRange(response.Data.Select((s, i) => new LabelledProbabilities(s.Entailment, s.Neutral, s.Contradiction, chunk[i].PairLabel)));
        }
        return scored;
    }

    private static void PrintBins(string when, CalibrationReport report)
    {
        Console.WriteLine($"  reliability {when}: bin, pairs, mean confidence, accuracy");
        foreach (var bin in report.Bins.Where(b => b.Count > 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    [{bin.BinLow:F3}, {bin.BinHigh:F3})  {bin.Count,5}  {bin.MeanConfidence:F3}  {bin.Accuracy:F3}"));
        }
    }
}
