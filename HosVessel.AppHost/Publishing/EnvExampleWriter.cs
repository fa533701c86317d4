using System.Text;

namespace HosVessel.AppHost.Publishing;

/// <summary>Writes <c>.env.example</c>: every variable the operator sets, each with a Korean comment.</summary>
public static class EnvExampleWriter
{
    public const string FileName = ".env.example";

    public sealed record Variable(string Name, string ExampleValue, params string[] Comments);

    public static IReadOnlyList<Variable> Variables(DeploymentModel model) =>
    [
        new("API_KEY", "",
            "n8n 등이 /api 를 호출할 때 보내는 API 키. 비워 두면 /api 는 503 으로 응답합니다.",
            "예: openssl rand -hex 32 로 만든 값"),
        new("ADMIN_USERNAME", "admin",
            "첫 관리자 계정 이름. 사용자가 한 명도 없는 첫 시작 때만 쓰입니다."),
        new("ADMIN_PASSWORD", "",
            "첫 관리자 비밀번호. 첫 시작 때만 쓰이며, 로그인한 뒤 바꾸고 여기서는 지워도 됩니다."),
        new("HOS_PORT", DeploymentModel.DefaultHostPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "호스트에서 앱이 열릴 포트 (예전 Flask 앱과 같은 5000)."),
        new("HOS_BIND", "0.0.0.0",
            "포트를 열 호스트 주소. Caddy 를 통해서만 접속하게 하려면 127.0.0.1."),
        new("HOS_DATA_DIR", "../data",
            $"SQLite 파일을 둘 호스트 폴더 (이 파일 기준 상대 경로 또는 절대 경로). 컨테이너의 {model.DataFolder} 에 연결됩니다.",
            "예전 앱의 data 폴더를 그대로 가리켜도 됩니다. 소유자는 1654:1654 (sudo chown 1654:1654 <폴더>)."),
        new("HOS_DOMAIN", "hos.example.com",
            "Caddy 가 HTTPS 로 서비스할 도메인 (DDNS 이름). caddy-route.sh 와 Caddyfile 이 씁니다."),
        new("HOS_UPSTREAM", CaddyFileWriter.DefaultUpstream,
            "Caddy 가 앱에 접속할 주소 (caddy-route.sh 와 Caddyfile 이 씁니다).",
            $"Caddy 가 컨테이너 안에서 돌면 host.docker.internal:{DeploymentModel.DefaultHostPort} 또는 같은 네트워크의 web:{DeploymentModel.DefaultHostPort}."),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", "",
            "텔레메트리를 보낼 OTLP 주소. 비워 두면 보내지 않습니다 (오류 로그도 없음).",
            $"대시보드를 켤 때: docker compose --profile {ComposeFileWriter.TelemetryProfile} ... 과 함께",
            $"OTEL_EXPORTER_OTLP_ENDPOINT=http://{ComposeFileWriter.DashboardService}:{ComposeFileWriter.DashboardOtlpGrpcPort}"),
        new("FORWARDED_TRUSTED_NETWORKS", "",
            "X-Forwarded-* 헤더를 믿을 프록시 네트워크 (쉼표로 구분한 CIDR).",
            "비워 두면 루프백 + Docker 브리지 대역 (127.0.0.0/8, ::1, 172.16.0.0/12). 사내 LAN 대역(10.x, 192.168.x)은 넣지 마세요."),
    ];

    public static string Write(DeploymentModel model)
    {
        var text = new StringBuilder();
        text.Append(GeneratedHeader.Lines("#"));
        text.Append("# 사용법: cp .env.example .env 후 값을 채우세요. .env 는 git 에 올라가지 않습니다.\n");
        foreach (var variable in Variables(model))
        {
            text.Append('\n');
            foreach (var comment in variable.Comments)
            {
                text.Append($"# {comment}\n");
            }
            text.Append($"{variable.Name}={variable.ExampleValue}\n");
        }
        return text.ToString();
    }
}
