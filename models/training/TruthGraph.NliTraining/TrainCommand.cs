using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TruthGraph.NliTraining.Embedding;
using TruthGraph.NliTraining.Training;

namespace TruthGraph.NliTraining;

/// <summary>Command-line surface of the trainer; the work itself is in <see cref="TrainingRun"/>.</summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Shared data folder holding climate-fever/ and nli/ (e.g. ../shared/data).")]
        public string Data { get; init; } = "../shared/data";

        [CommandOption("--out <DIR>")]
        [Description("Where nli-minilm-head.onnx and nli-minilm-head.json are written (the repository's models/).")]
        public string Out { get; init; } = "models";

        [CommandOption("--snli <BOOL>")]
        [Description("Also train on the SNLI dev subset (default true: it lifts SNLI test accuracy, CLIMATE-FEVER holds).")]
        [DefaultValue(true)]
        public bool Snli { get; init; } = true;

        [CommandOption("--compare")]
        [Description("Train and evaluate both with and without SNLI before writing the chosen head.")]
        public bool Compare { get; init; }

        [CommandOption("--l2 <VALUE>")]
        [DefaultValue(3000f)]
        public float L2 { get; init; } = 3000f;

        [CommandOption("--normalize <BOOL>")]
        [Description("Standardise each feature (mean 0, variance 1) before the classifier; part of the ONNX graph.")]
        [DefaultValue(true)]
        public bool Normalize { get; init; } = true;

        [CommandOption("--folds <K>")]
        [Description("Folds for the out-of-fold predictions that the offsets are tuned on.")]
        [DefaultValue(5)]
        public int Folds { get; init; } = 5;

        [CommandOption("--seed <N>")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--cache <DIR>")]
        [Description("Embedding cache folder (default ~/.cache/truthgraph/nli-training).")]
        public string? Cache { get; init; }

        [CommandOption("--dry-run")]
        [Description("Train and evaluate, but write nothing to --out.")]
        public bool DryRun { get; init; }

        public override ValidationResult Validate()
        {
            if (!Directory.Exists(Path.Combine(Data, "climate-fever")))
            {
                return ValidationResult.Error($"'{Data}' has no climate-fever/ folder (pass --data ../shared/data).");
            }
            return Folds < 2 ? ValidationResult.Error("--folds must be at least 2.") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = new TrainingRun(new RunSettings(
            settings.Data, settings.Out, settings.Snli, settings.Compare, settings.DryRun,
            new HeadOptions(L2: settings.L2, Seed: settings.Seed, Folds: settings.Folds, Normalize: settings.Normalize),
            settings.Cache ?? EmbeddingCache.DefaultDirectory), AnsiConsole.Console);
        return run.Execute();
    }
}
