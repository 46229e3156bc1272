// Saves text the dashboard built in its circuit (a batch's results) as a file: a Blazor Server page has no other way to
// hand the browser a file that no URL serves.
window.truthGraphDownload = (fileName, contentType, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
