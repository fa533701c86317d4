using System.Net.Http.Headers;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Vessels;

/// <summary>Uploads a file on the register's import page as the browser's form does.</summary>
public static class VesselUpload
{
    public static async Task<(HttpStatusCode Status, string Html)> UploadVesselsAsync(this HttpClient admin, byte[] content, string fileName)
    {
        var token = await admin.GetAntiforgeryTokenAsync("/vessel/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv") ? "text/csv" : "application/json");
        form.Add(file, "file", fileName);
        var response = await admin.PostAsync("/vessel/import", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
