namespace TruthGraph.EndToEndTests;

/// <summary>The Evidence page's upload form, as the browser tests drive it.</summary>
internal static class EvidenceUploadForm
{
    /// <summary>
    /// Sets the file input, again if need be: the circuit can be live a moment before InputFile's script has hooked the
    /// input's change event, and a file set in that moment is lost (a person cannot pick one that fast).
    /// MudFileUpload adds a fresh input after every choice and hides the old ones, so the last input is the live one;
    /// on a slow host the first choice can arrive after the check below gave up, and the retry then finds two inputs.
    /// </summary>
    public static async Task ChooseFileAsync(IPage page, ILocator upload, string path)
    {
        var name = page.GetByTestId("evidence-file-name");
        for (var attempt = 1; ; attempt++)
        {
            await upload.Locator("input[type=file]").Last.SetInputFilesAsync(path);
            try
            {
                await Assertions.Expect(name).ToHaveTextAsync(Path.GetFileName(path), new() { Timeout = 2_000 * attempt });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                await upload.Locator("input[type=file]").Last.SetInputFilesAsync(Array.Empty<string>());
            }
        }
    }
}
