using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace TruthGraph.Inference.Models;

/// <summary>Bytes received so far of one download; <see cref="Total"/> is null when the server does not say.</summary>
public sealed record DownloadProgress(string Url, long Received, long? Total, long ResumedFrom);

/// <summary>
/// The one download implementation (the <c>models pull</c> command and <see cref="ArtifactLoader"/> both use it):
/// streams into <c>target.part</c>, resumes a partial file with an HTTP Range request, verifies sha256 and only then
/// moves the file into place, so a file under its final name is always complete and verified.
/// </summary>
public static class ArtifactDownloader
{
    private const int BufferSize = 1 << 16;

    /// <returns><paramref name="target"/>, holding bytes whose sha256 is <paramref name="expectedSha256"/>.</returns>
    /// <exception cref="InvalidDataException">The bytes do not hash to <paramref name="expectedSha256"/>; the partial file is deleted.</exception>
    public static async Task<string> DownloadAsync(HttpClient http, string url, string expectedSha256, string target,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var expected = expectedSha256.ToLowerInvariant();
        if (File.Exists(target))
        {
            return target;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var partial = target + ".part";
        var resumeFrom = File.Exists(partial) ? new FileInfo(partial).Length : 0;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (resumeFrom > 0)
        {
            request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && resumeFrom > 0)
        {
            // The partial file already holds every byte (an earlier run died between download and rename): verify it.
            progress?.Report(new DownloadProgress(url, resumeFrom, resumeFrom, resumeFrom));
            return await VerifyAndMoveAsync(url, partial, target, expected, cancellationToken);
        }
        response.EnsureSuccessStatusCode();
        // 206 continues the partial file; a 200 means the server ignored the Range header, so start over.
        var append = response.StatusCode == HttpStatusCode.PartialContent && resumeFrom > 0;
        if (!append)
        {
            resumeFrom = 0;
        }
        long? total = response.Content.Headers.ContentRange?.Length
            ?? (response.Content.Headers.ContentLength is { } length ? length + resumeFrom : null);

        await using (var file = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            var buffer = new byte[BufferSize];
            var received = resumeFrom;
            progress?.Report(new DownloadProgress(url, received, total, resumeFrom));
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                received += read;
                progress?.Report(new DownloadProgress(url, received, total, resumeFrom));
            }
        }
        return await VerifyAndMoveAsync(url, partial, target, expected, cancellationToken);
    }

    private static async Task<string> VerifyAndMoveAsync(string url, string partial, string target, string expected, CancellationToken cancellationToken)
    {
        string actual;
        await using (var file = File.OpenRead(partial))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        if (actual != expected)
        {
            // Deleted rather than kept for resuming: bytes that hash wrong cannot be trusted as a prefix either.
            File.Delete(partial);
            throw new InvalidDataException($"{url} has sha256 {actual}, the manifest expects {expected}; the download was deleted.");
        }
        File.Move(partial, target, overwrite: true);
        return target;
    }
}
