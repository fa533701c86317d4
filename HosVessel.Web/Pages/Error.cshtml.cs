using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    private const string GenericTitle = "오류가 발생했습니다";
    private const string GenericMessage = "잠시 후 다시 시도해 주세요. 문제가 계속되면 관리자에게 알려 주세요.";

    /// <summary>The status codes this page has words for; <c>/error?code=</c> serves only these.</summary>
    public static readonly IReadOnlyDictionary<int, (string Title, string Message)> Pages = new Dictionary<int, (string, string)>
    {
        // Almost always an expired or missing antiforgery token, a stale tab or a forged form, or a body the server cannot read.
        [400] = ("요청을 처리할 수 없습니다",
            "페이지가 오래되었거나, 보낸 내용을 읽을 수 없습니다(허용되지 않는 문자나 너무 큰 입력·파일). 페이지를 새로 고친 뒤 다시 시도해 주세요."),
        [403] = ("접근 권한이 없습니다", "이 페이지는 관리자 권한이 필요합니다. 필요하면 관리자에게 권한 변경을 요청하세요."),
        [404] = ("페이지를 찾을 수 없습니다", "주소가 바뀌었거나 삭제된 항목입니다."),
        [405] = ("요청을 처리할 수 없습니다", "이 주소는 이런 방식의 요청을 받지 않습니다."),
        [413] = ("보낸 내용이 너무 큽니다", "입력이나 파일이 허용된 크기를 넘었습니다. 더 작게 나누어 다시 시도해 주세요."),
        [415] = ("요청을 처리할 수 없습니다", "보낸 내용의 형식을 이 주소에서 받지 않습니다."),
        [429] = ("요청이 너무 많습니다", "잠시 후 다시 시도해 주세요."),
        [500] = (GenericTitle, GenericMessage),
        [503] = ("잠시 후 다시 시도해 주세요", "서버가 지금 요청을 처리할 수 없습니다."),
    };

    public string Title { get; private set; } = GenericTitle;

    public string Message { get; private set; } = GenericMessage;

    public void OnGet(string? code) => Describe(code);

    public void OnPost(string? code) => Describe(code);

    private void Describe(string? code)
    {
        var status = ResolveStatus(code);
        (Title, Message) = Pages.TryGetValue(status, out var page) ? page : (GenericTitle, GenericMessage);
        Response.StatusCode = status;
    }

    // Re-executed for a real response: keep its status (the exception handler has already set 400/413 for
    // unreadable bodies). Asked for directly: only the codes above exist, anything else is not a page.
    private int ResolveStatus(string? code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalStatusCode: var original })
        {
            return original;
        }
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        }
        return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked)
            && Pages.ContainsKey(asked)
                ? asked
                : StatusCodes.Status404NotFound;
    }
}
