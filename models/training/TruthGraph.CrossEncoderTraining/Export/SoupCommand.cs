using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TruthGraph.CrossEncoderTraining.Native;

namespace TruthGraph.CrossEncoderTraining.Export;

/// <summary><c>soup</c>: writes the weighted average of adapters trained from one starting point (<see cref="AdapterSoup"/>).</summary>
public sealed class SoupCommand : Command<SoupCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--adapter <FILE[:WEIGHT]>"), Description("An adapter file and its weight (default 1); repeat for each.")]
        public string[] Adapters { get; init; } = [];

        [CommandOption("--rank <R>"), Description("LoRA rank of the result (truncated SVD of each averaged update); 0 keeps the exact sum."), DefaultValue(16)]
        public int Rank { get; init; } = 16;

        [CommandOption("--out <FILE>"), Description("The adapter file to write.")]
        public string Output { get; init; } = "";

        public override ValidationResult Validate() =>
            Adapters.Length == 0 ? ValidationResult.Error("Give at least one --adapter.")
            : string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("Give --out.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        LibTorchNative.EnsureLoaded();
        var adapters = settings.Adapters.Select(Parse).ToList();
        var soup = AdapterSoup.Mix(adapters, settings.Rank);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        File.WriteAllBytes(settings.Output, soup);
        AnsiConsole.WriteLine($"wrote {settings.Output} ({soup.Length:N0} bytes) from {adapters.Count} adapters, rank {(settings.Rank <= 0 ? "exact" : settings.Rank.ToString(CultureInfo.InvariantCulture))}");
        return 0;
    }

    private static WeightedAdapter Parse(string argument)
    {
        // A weight is whatever follows the last ':' when it parses as a number, so paths with ':' still work.
        var at = argument.LastIndexOf(':');
        if (at > 0 && double.TryParse(argument[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
        {
            return new WeightedAdapter(File.ReadAllBytes(argument[..at]), weight);
        }
        return new WeightedAdapter(File.ReadAllBytes(argument), 1);
    }
}
