using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TruthGraph.CrossEncoderTraining.Data;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>
/// <c>tune-set</c>: writes a run's threshold-tuning file, its held-out CLIMATE-FEVER claims followed by FEVER's
/// held-out claims (<see cref="FeverTuneClaims"/>), for <c>scripts/eval.sh &lt;run&gt;/tune-claims-with-fever.jsonl --tune</c>.
/// A run trained with <c>--hold-out-fever</c> writes it itself; this makes it for a run folder after the fact.
/// </summary>
public sealed class TuneSetCommand : Command<TuneSetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--run <DIR>"), Description("Run folder (its tune-claims.jsonl is read)."), DefaultValue("models/training/runs/cross-encoder")]
        public string RunDirectory { get; init; } = "models/training/runs/cross-encoder";

        [CommandOption("--data <DIR>"), Description("Shared data folder."), DefaultValue("../shared/data")]
        public string DataDirectory { get; init; } = "../shared/data";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var counts = FeverTuneClaims.WriteForRun(settings.DataDirectory, settings.RunDirectory);
        AnsiConsole.WriteLine($"wrote {Path.Combine(settings.RunDirectory, FeverTuneClaims.CombinedName)}: FEVER held-out claims " +
            string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")));
        return 0;
    }
}
