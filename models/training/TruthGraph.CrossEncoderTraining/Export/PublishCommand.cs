using System.ComponentModel;
using System.Security.Cryptography;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TruthGraph.CrossEncoderTraining.Training;

namespace TruthGraph.CrossEncoderTraining.Export;

/// <summary>
/// <c>publish</c>: copies a run's best adapter into <c>models/</c> and writes its manifest (weights = the MiniLM package
/// resource, adapter = the file, both with sha256; thresholds, offsets, training record and measured accuracy).
/// </summary>
public sealed class PublishCommand : Command<PublishCommand.Settings>
{
    public const string Id = "nli-minilm-cross";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--run <DIR>"), Description("Run folder written by train."), DefaultValue("models/training/runs/cross-encoder")]
        public string RunDirectory { get; init; } = "models/training/runs/cross-encoder";

        [CommandOption("--models <DIR>"), Description("The repository's models/ folder."), DefaultValue("models")]
        public string ModelsDirectory { get; init; } = "models";

        [CommandOption("--checkpoint <WHICH>"), Description("best (highest selection score on the held-out train claims) or latest (the last evaluated)."), DefaultValue("best")]
        public string Checkpoint { get; init; } = "best";

        [CommandOption("--pipeline <JSON>"), Description("Optional: measured figures to record under metrics.pipeline (a JSON object).")]
        public string? PipelineMetrics { get; init; }

        [CommandOption("--contrast <JSON>"), Description("Optional: the common-sense contrast set's figures for metrics.contrastSet (a JSON object with claims, accuracy).")]
        public string? ContrastMetrics { get; init; }

        [CommandOption("--thresholds <S,R,F>"), Description("Optional: support, refute, relevance floor and (optionally) refute floor tuned through the pipeline (eval --tune), e.g. 0.5,0.6,0.45,0.6.")]
        public string? Thresholds { get; init; }

        [CommandOption("--dispute-margin <M>"), Description("Optional, with --thresholds: the dispute margin eval --tune printed.")]
        public double? DisputeMargin { get; init; }

        [CommandOption("--offsets <E,N,C>"), Description("Optional: log-prob offsets tuned with --thresholds (entailment, neutral, contradiction); default the run's.")]
        public string? Offsets { get; init; }

        [CommandOption("--thresholds-tuned-on <TEXT>"), Description("What --thresholds were tuned on (recorded in the manifest).")]
        public string? ThresholdsTunedOn { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var summary = JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(Path.Combine(settings.RunDirectory, Trainer.SummaryFile)), RunSummary.JsonOptions)
            ?? throw new InvalidDataException("The run summary is empty.");
        if (summary.Settings.Base != Encoder.BaseEncoder.MiniLm.Name)
        {
            // The manifest names MiniLM's package weights; an adapter trained on another base would be merged into the wrong matrices.
            throw new InvalidOperationException($"The run was trained from '{summary.Settings.Base}'; only MiniLM runs can be published as {Id}.");
        }
        var latest = settings.Checkpoint == "latest";
        if (!latest && settings.Checkpoint != "best")
        {
            throw new ArgumentException($"--checkpoint is '{settings.Checkpoint}'; use best or latest.");
        }
        var best = (latest ? summary.Curve.LastOrDefault() : summary.Best) ?? throw new InvalidDataException("The run has no evaluated checkpoint to publish.");
        var adapter = File.ReadAllBytes(Path.Combine(settings.RunDirectory, latest ? Trainer.LatestFile : Trainer.BestFile));
        var adapterFile = Id + ".safetensors";
        File.WriteAllBytes(Path.Combine(settings.ModelsDirectory, adapterFile), adapter);
        JsonElement? pipeline = settings.PipelineMetrics is null ? null : JsonDocument.Parse(File.ReadAllText(settings.PipelineMetrics)).RootElement;
        JsonElement? contrast = settings.ContrastMetrics is null ? null : JsonDocument.Parse(File.ReadAllText(settings.ContrastMetrics)).RootElement;
        var manifest = ManifestDocument.Build(summary, best, adapterFile, adapter.LongLength, Convert.ToHexStringLower(SHA256.HashData(adapter)), pipeline,
            contrast, ParseThresholds(settings));
        var path = Path.Combine(settings.ModelsDirectory, Id + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        AnsiConsole.WriteLine($"wrote {path} and {adapterFile} ({adapter.Length:N0} bytes); base sha256 {summary.BaseSha256}");
        return 0;
    }

    private static PipelineThresholds? ParseThresholds(Settings settings)
    {
        if (settings.Thresholds is null)
        {
            return null;
        }
        var parts = settings.Thresholds.Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (parts.Length is not (3 or 4))
        {
            throw new ArgumentException($"--thresholds is '{settings.Thresholds}'; give support,refute,min-similarity[,refute-min-similarity].");
        }
        var offsets = settings.Offsets?.Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (offsets is { Length: not 3 })
        {
            throw new ArgumentException($"--offsets is '{settings.Offsets}'; give entailment,neutral,contradiction.");
        }
        return new PipelineThresholds(parts[0], parts[1], parts[2],
            settings.ThresholdsTunedOn ?? "grid search on claim macro-F1 through the pipeline (eval --tune)", offsets,
            parts.Length == 4 ? parts[3] : null, settings.DisputeMargin);
    }
}
