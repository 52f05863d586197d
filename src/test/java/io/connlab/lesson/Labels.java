package io.connlab.lesson;

import java.util.HashMap;
import java.util.Map;

/** The diagrams' words: a key, then English and Chinese. */
final class Labels {
    private static final String[][] ROWS = {
            {"server", "server", "服务器"},
            {"client", "client", "客户端"},
            {"lane.websocket", "WebSocket", "WebSocket"},
            {"lane.longPoll", "Long poll", "长轮询"},
            {"lane.shortPoll", "Short poll", "短轮询"},
            {"timeline.title", "One message, three ways to receive it", "同一条消息，三种接收方式"},
            {"timeline.published", "message published", "消息发布"},
            {"timeline.held", "held until the message exists", "请求挂起，直到消息出现"},
            {"timeline.empty", "empty", "空"},
            {"timeline.found", "found at the next ask", "下一次询问才取到"},
            {"ws.title", "The gateway keeps the socket open", "网关替你保持套接字"},
            {"ws.gateway", "API Gateway", "API Gateway"},
            {"ws.noDefault", "no $default: an unmatched message gets an error", "没有 $default 路由：匹配不上的消息会收到一条错误"},
            {"ws.connect", "handshake", "握手"},
            {"ws.message", "message", "发消息"},
            {"ws.push", "POST @connections/{id}: push to one client", "POST @connections/{id}：推送给某个客户端"},
            {"ws.gone", "a closed connection's id answers 410", "已断开连接的 ID 返回 410"},
            {"pool.title", "Where the connections go", "连接都去了哪里"},
            {"pool.db", "database", "数据库"},
            {"pool.max", "max_connections = 8", "max_connections = 8"},
            {"pool.perContainer", "A pool in every container", "每个容器各有一个连接池"},
            {"pool.refused", "containers 9-12: 53300 too many clients", "第 9-12 个容器：53300 too many clients"},
            {"pool.proxy", "RDS Proxy", "RDS Proxy"},
            {"pool.viaProxy", "Through RDS Proxy", "经由 RDS Proxy"},
            {"pool.shared", "3 shared connections, far under the limit", "共享 3 个连接，远低于上限"},
            {"life.title", "An execution environment's lifecycle", "执行环境的生命周期"},
            {"life.envA", "Environment A", "执行环境 A"},
            {"life.envB", "Environment B: a request while A is busy", "执行环境 B：A 正忙时来了新请求"},
            {"life.init", "Init", "初始化"},
            {"life.invoke", "Invoke", "调用"},
            {"life.frozen", "frozen", "冻结"},
            {"life.shutdown", "Shutdown", "关闭"},
            {"life.cold", "cold start = Init on a new environment", "冷启动 = 在新执行环境上初始化"},
            {"life.reused", "reused: no Init, connection kept", "复用：不再初始化，连接仍在"},
            {"life.oneAtATime", "one request at a time per environment", "每个执行环境一次只处理一个请求"},
            {"life.time", "time", "时间"},
    };

    private Labels() {
    }

    static Map<String, String> of(String language) {
        int column = language.equals("zh") ? 2 : 1;
        Map<String, String> out = new HashMap<>();
        for (String[] row : ROWS) out.put(row[0], row[column]);
        return out;
    }
}
