using System.Text;
using Spectre.Console;
using TruthGraph.Inference.Cli;

namespace TruthGraph.Inference.UnitTests.Models;

/// <summary>
/// <c>models pull</c> against a local HTTP server: progress, sha256 check, resume of an interrupted or partial
/// download (HTTP Range), and a wrong hash that fails and leaves nothing behind. Temp folders only, never the user's cache.
/// </summary>
public sealed class ModelPullTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("truthgraph-pull-").FullName;
    private readonly byte[] _weights = RandomBytes(3_000_000, 1);
    private readonly byte[] _vocab = RandomBytes(200_000, 2);

    private string Cache => Path.Combine(_root, "cache");
    private string ModelsDir => Path.Combine(_root, "models");

    [Fact]
    public async Task Pull_command_downloads_into_the_cache_with_progress_and_verified_sha256()
    {
        await using var server = await LocalFileServer.StartAsync(new() { ["model.onnx"] = _weights, ["vocab.txt"] = _vocab });
        WriteManifest("tiny", Url(server.Url("model.onnx"), _weights), Url(server.Url("vocab.txt"), _vocab));

        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        var rc = await ModelsCommand.RunAsync(["pull", "tiny", "--models-dir", ModelsDir, "--cache-dir", Cache], console);

        Assert.Equal(0, rc);
        Assert.Contains("weights: downloaded, sha256 verified", output.ToString());
        Assert.Equal(_weights, File.ReadAllBytes(Path.Combine(Cache, CrossEncoderTestModel.Sha256(_weights))));
        Assert.Equal(_vocab, File.ReadAllBytes(Path.Combine(Cache, CrossEncoderTestModel.Sha256(_vocab))));
        Assert.Empty(Directory.GetFiles(Cache, "*.part"));

        // The progress the command draws comes from these reports: growing, ending at the full size.
        File.Delete(Path.Combine(Cache, CrossEncoderTestModel.Sha256(_weights)));
        var reports = new List<DownloadProgress>();
        var manifest = ModelCatalog.Load(ModelsDir).Single();
        await ModelPuller.PullAsync(manifest, Cache, role => role == "weights" ? new InlineProgress<DownloadProgress>(reports.Add) : null, default);
        Assert.True(reports.Count > 2);
        Assert.Equal(reports.Select(r => r.Received).Order(), reports.Select(r => r.Received));
        Assert.Equal(_weights.Length, reports[^1].Received);
        Assert.Equal(_weights.Length, reports[^1].Total);

        var again = await ModelsCommand.RunAsync(["pull", "tiny", "--models-dir", ModelsDir, "--cache-dir", Cache], console);
        Assert.Equal(0, again);
        Assert.Contains("already in the cache", output.ToString());
    }

    [Fact]
    public async Task An_interrupted_download_resumes_with_a_range_request_to_the_right_bytes()
    {
        await using var server = await LocalFileServer.StartAsync(new() { ["model.onnx"] = _weights });
        var source = Source(server.Url("model.onnx", flaky: true), _weights);
        var target = ArtifactLoader.CachedPath(source, Cache);

        await Assert.ThrowsAnyAsync<IOException>(() => ArtifactLoader.EnsureCachedAsync(source, Cache, null, default));
        Assert.False(File.Exists(target));
        var kept = new FileInfo(target + ".part").Length;
        Assert.InRange(kept, 1, _weights.Length - 1);

        var reports = new List<DownloadProgress>();
        Assert.True(await ArtifactLoader.EnsureCachedAsync(source, Cache, new InlineProgress<DownloadProgress>(reports.Add), default));

        Assert.Equal($"bytes={kept}-", server.Ranges.Last());
        Assert.Equal(kept, reports[0].ResumedFrom);
        Assert.Equal(_weights, File.ReadAllBytes(target));
        Assert.False(File.Exists(target + ".part"));
    }

    [Fact]
    public async Task A_partial_file_left_by_an_earlier_run_is_continued_not_restarted()
    {
        await using var server = await LocalFileServer.StartAsync(new() { ["vocab.txt"] = _vocab });
        var source = Source(server.Url("vocab.txt"), _vocab);
        var target = ArtifactLoader.CachedPath(source, Cache);
        Directory.CreateDirectory(Cache);
        File.WriteAllBytes(target + ".part", _vocab[..12_345]);

        await ArtifactLoader.EnsureCachedAsync(source, Cache, null, default);

        Assert.Equal(["bytes=12345-"], server.Ranges);
        Assert.Equal(_vocab, File.ReadAllBytes(target));
    }

    [Fact]
    public async Task A_wrong_sha256_fails_clearly_and_leaves_no_file()
    {
        await using var server = await LocalFileServer.StartAsync(new() { ["model.onnx"] = _weights, ["vocab.txt"] = _vocab });
        var wrong = CrossEncoderTestModel.Sha256(Encoding.UTF8.GetBytes("something else"));
        WriteManifest("tampered", new { kind = "url", url = server.Url("model.onnx"), sha256 = wrong }, Url(server.Url("vocab.txt"), _vocab));

        var manifest = ModelCatalog.Load(ModelsDir).Single();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ModelPuller.PullAsync(manifest, Cache, null, default));
        Assert.Contains(wrong, error.Message);
        Assert.Contains(CrossEncoderTestModel.Sha256(_weights), error.Message);
        Assert.Empty(Directory.GetFiles(Cache));

        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        Assert.Equal(1, await ModelsCommand.RunAsync(["pull", "tampered", "--models-dir", ModelsDir, "--cache-dir", Cache], console));
        Assert.Contains("sha256", output.ToString());
        Assert.Empty(Directory.GetFiles(Cache));
    }

    [Fact]
    public void Manifests_with_a_tokenizer_kind_the_service_lacks_are_refused_unless_disabled()
    {
        WriteManifest("spm", new { kind = "file", path = "model.onnx" }, new { kind = "file", path = "spm.model" }, tokenizerKind: "sentencepiece");
        var error = Assert.Throws<InvalidDataException>(() => ModelCatalog.Load(ModelsDir).ToList());
        Assert.Contains("tokenizer kind 'sentencepiece'", error.Message);

        WriteManifest("spm", new { kind = "file", path = "model.onnx" }, new { kind = "file", path = "spm.model" }, tokenizerKind: "sentencepiece", enabled: false);
        Assert.False(Assert.Single(ModelCatalog.Load(ModelsDir)).Enabled);
    }

    private void WriteManifest(string id, object weights, object vocab, string tokenizerKind = "wordpiece", bool enabled = true)
    {
        Directory.CreateDirectory(ModelsDir);
        File.WriteAllText(Path.Combine(ModelsDir, id + ".json"), CrossEncoderTestModel.Manifest(id, weights, vocab, enabled, tokenizerKind));
    }

    private static object Url(string url, byte[] bytes) => new { kind = "url", url, sha256 = CrossEncoderTestModel.Sha256(bytes), bytes = bytes.LongLength };

    private static ArtifactSource Source(string url, byte[] bytes) =>
        new() { Kind = "url", Url = url, Sha256 = CrossEncoderTestModel.Sha256(bytes), Bytes = bytes.LongLength };

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
