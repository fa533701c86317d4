using HosVessel.Web.Accounts;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
[RequestFormLimits(MultipartBodyLengthLimit = VesselImporter.MaxBytes + 64 * 1024)]
public sealed class ImportModel(VesselImporter importer) : PageModel
{
    public ImportSummary? Summary { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromForm(Name = "skip_invalid")] bool skipInvalid, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Error = "가져올 파일을 선택하세요.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Summary = await importer.ImportAsync(stream, skipInvalid, "web", cancellationToken);
        Error = Summary.Error;
        if (Summary.Applied)
        {
            TempData.Success($"가져오기 완료: 추가 {Summary.Added}척, 수정 {Summary.Updated}척, 변경 없음 {Summary.Unchanged}척, 거부 {Summary.Rejected.Count}행");
        }
        else
        {
            // Nothing was written: the file (400) or some of its rows (422) are what must change.
            Response.StatusCode = Error is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            if (Error is null)
            {
                TempData.Error($"거부된 행이 {Summary.Rejected.Count}개 있어 아무것도 반영하지 않았습니다.");
            }
        }
        return Page();
    }
}
