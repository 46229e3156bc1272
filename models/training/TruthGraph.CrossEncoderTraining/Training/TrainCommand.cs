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
        var encoder = BaseEncoder.Named(settings.Base);
        var weights = MiniLmOnnxWeights.FromPackage(encoder);
        Log($"base encoder: {encoder.Name} ({encoder.Assembly}, sha256 {weights.Sha256})");
        using var vocab = new MemoryStream(MiniLmOnnxWeights.ReadResource(encoder.VocabResource, encoder.Assembly));
        var tokenizer = BertWordPieceTokenizer.Create(vocab);
        // The pretrained MiniLM (no adapters) embeds FEVER's claims to find each one's nearest neighbours, whatever the base:
        // the data mix stays the same when bases are compared.
        var pretrained = new MiniLmCrossEncoder(encoder == BaseEncoder.MiniLm ? weights : MiniLmOnnxWeights.FromPackage(), new LoraSettings(0, 0, 0), dropout: 0);
        var data = TrainingData.Load(settings.DataDirectory, settings.Mix,
            texts => SentenceEmbeddings.Embed(pretrained, tokenizer, texts, settings.MaxTokens), Log);
        TuneClaimsFile.Write(Path.Combine(settings.DataDirectory, "climate-fever", "train.jsonl"), data.TuneClaims,
            Path.Combine(settings.OutputDirectory, TuneClaimsFile.Name));
        if (settings.HoldOutFever)
        {
            var counts = FeverTuneClaims.WriteForRun(settings.DataDirectory, settings.OutputDirectory);
            Log($"FEVER held-out tune claims: {string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"))}");
        }
        new Trainer(settings, Log).Run(weights, tokenizer, data, LibTorchNative.Status);
        return 0;
    }

    private static void Log(string line) => AnsiConsole.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
