using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "오류가 발생했습니다";

    public string Message { get; private set; } = "잠시 후 다시 시도해 주세요. 문제가 계속되면 관리자에게 알려 주세요.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code == StatusCodes.Status404NotFound)
        {
            Title = "페이지를 찾을 수 없습니다";
            Message = "주소가 바뀌었거나 삭제된 항목입니다.";
        }
        else if (code == StatusCodes.Status400BadRequest)
        {
            // Almost always an expired or missing antiforgery token: a stale tab or a forged form.
            Title = "요청을 처리할 수 없습니다";
            Message = "페이지가 오래되었거나 올바르지 않은 요청입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";
        }
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }
}
