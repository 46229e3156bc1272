using Spectre.Console;
using Spectre.Console.Cli;
using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Native;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary><c>train</c>: fine-tunes the cross-encoder and writes the run folder (see models/README.md).</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        LibTorchNative.EnsureLoaded();
        Log($"libtorch: {LibTorchNative.Status}");
        var weights = MiniLmOnnxWeights.FromPackage();
        using var vocab = new MemoryStream(MiniLmOnnxWeights.ReadResource(MiniLmOnnxWeights.VocabResource));
        var tokenizer = BertWordPieceTokenizer.Create(vocab);
        var data = TrainingData.Load(settings.DataDirectory, settings.TuneShare, settings.SnliLimit, settings.RteLimit, settings.Seed);
        new Trainer(settings, Log).Run(weights, tokenizer, data, LibTorchNative.Status);
        return 0;
    }

    private static void Log(string line) => AnsiConsole.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
