// Local stand-ins for alert targets: an HTTP receiver (Slack incoming webhook) and a minimal
// SMTP server (Send Email node). Both listen on 127.0.0.1 with an OS-assigned port.
import http from 'node:http';
import net from 'node:net';

/**
 * A request's body as text, and as JSON when it is JSON (else `json` is undefined). Settles at the
 * body's end only: an aborted request is never answered nor recorded.
 */
function readBody(req) {
	return new Promise((resolve) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			let json;
			try {
				json = JSON.parse(body);
			} catch {
				json = undefined;
			}
			resolve({ body, json });
		});
	});
}

/** Records every request; answers 200 "ok" like a Slack incoming webhook. */
export async function startHttpReceiver() {
	const received = [];
	const server = http.createServer((req, res) => {
		readBody(req).then(({ body, json }) => {
			received.push({
				method: req.method,
				url: req.url,
				headers: req.headers,
				body,
				json,
				at: Date.now(),
			});
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.end('ok');
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/services/T000/B000/e2e`,
		received,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections?.();
				server.close(() => r());
			}),
	};
}

/**
 * Minimal SMTP (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS, no auth.
 * Each accepted message: { from, to[], data (raw), subject, text }.
 */
export async function startSmtpReceiver() {
	const messages = [];
	const sockets = new Set();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		socket.setEncoding('utf8');
		let buf = '';
		let inData = false;
		let cur = { from: '', to: [], data: '' };
		const send = (line) => socket.write(`${line}\r\n`);
		send('220 e2e-smtp ready');
		socket.on('data', (chunk) => {
			buf += chunk;
			for (;;) {
				if (inData) {
					const end = buf.indexOf('\r\n.\r\n');
					const endAtStart = buf.startsWith('.\r\n') ? 0 : -1;
					if (end < 0 && endAtStart < 0) return;
					const cut = endAtStart === 0 ? 0 : end + 2;
					cur.data += buf.slice(0, cut);
					buf = buf.slice(cut + 3);
					inData = false;
					messages.push(parseMessage(cur));
					cur = { from: '', to: [], data: '' };
					send('250 OK: queued');
					continue;
				}
				const i = buf.indexOf('\r\n');
				if (i < 0) return;
				const line = buf.slice(0, i);
				buf = buf.slice(i + 2);
				const cmd = line.slice(0, 4).toUpperCase();
				if (cmd === 'EHLO') socket.write('250-e2e-smtp\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n');
				else if (cmd === 'HELO') send('250 e2e-smtp');
				else if (cmd === 'MAIL') {
					cur.from = (line.match(/<([^>]*)>/) ?? [])[1] ?? '';
					send('250 OK');
				} else if (cmd === 'RCPT') {
					cur.to.push((line.match(/<([^>]*)>/) ?? [])[1] ?? '');
					send('250 OK');
				} else if (cmd === 'DATA') {
					inData = true;
					send('354 End data with <CR><LF>.<CR><LF>');
				} else if (cmd === 'RSET') {
					cur = { from: '', to: [], data: '' };
					send('250 OK');
				} else if (cmd === 'NOOP') send('250 OK');
				else if (cmd === 'QUIT') {
					send('221 Bye');
					socket.end();
				} else send('502 Command not implemented');
			}
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return {
		host: '127.0.0.1',
		port: server.address().port,
		messages,
		close: () =>
			new Promise((r) => {
				for (const s of sockets) s.destroy();
				server.close(() => r());
			}),
	};
}

function decodeQuotedPrintable(s) {
	return s
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

function parseMessage(m) {
	const raw = m.data.replace(/\r\n\.\./g, '\r\n.');
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	let body = raw.slice(split + 4);
	const header = (name) => (head.match(new RegExp(`^${name}:\\s*(.*)$`, 'im')) ?? [])[1];
	let subject = header('Subject') ?? '';
	subject = subject.replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_, q) =>
		Buffer.from(decodeQuotedPrintable(q.replace(/_/g, ' ')), 'latin1').toString('utf8'),
	);
	subject = subject.replace(/=\?utf-8\?B\?(.*?)\?=/gi, (_, b) =>
		Buffer.from(b, 'base64').toString('utf8'),
	);
	const cte = (header('Content-Transfer-Encoding') ?? '').toLowerCase();
	if (cte === 'quoted-printable')
		body = Buffer.from(decodeQuotedPrintable(body), 'latin1').toString('utf8');
	else if (cte === 'base64')
		body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return { from: m.from, to: m.to, raw, subject, text: body };
}

/**
 * A stand-in for an OpenAI-compatible chat-completions API (no model, scripted): the first turn
 * calls the tool whose name matches `toolPattern` with `args`; once a tool result is in the
 * conversation it answers with `final(toolResultText)`. Records every request.
 * Point an `openAiApi` credential's Base URL at `${url}/v1`.
 */
export async function startFakeOpenAi({ toolPattern, args, final }) {
	const requests = [];
	const server = http.createServer((req, res) => {
		readBody(req).then(({ json = {} }) => {
			requests.push({ method: req.method, url: req.url, json });
			if (!req.url.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `fake LLM: no ${req.url}` } }));
				return;
			}
			const messages = json.messages ?? [];
			const toolMsg = messages.find((m) => m.role === 'tool');
			let message;
			let finish;
			if (!toolMsg) {
				const tool = (json.tools ?? []).find((t) => toolPattern.test(t.function?.name ?? ''));
				if (!tool) {
					message = {
						role: 'assistant',
						content: `fake LLM: no tool matching ${toolPattern} in ${JSON.stringify((json.tools ?? []).map((t) => t.function?.name))}`,
					};
					finish = 'stop';
				} else {
					message = {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: 'call_e2e_1',
								type: 'function',
								function: { name: tool.function.name, arguments: JSON.stringify(args) },
							},
						],
					};
					finish = 'tool_calls';
				}
			} else {
				const text =
					typeof toolMsg.content === 'string' ? toolMsg.content : JSON.stringify(toolMsg.content);
				message = { role: 'assistant', content: final(text) };
				finish = 'stop';
			}
			const base = {
				id: `chatcmpl-e2e-${requests.length}`,
				created: Math.floor(Date.now() / 1000),
				model: json.model ?? 'fake',
			};
			if (json.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta = message.tool_calls
					? {
							role: 'assistant',
							tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })),
						}
					: { role: 'assistant', content: message.content };
				res.write(
					`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
				);
				res.write(
					`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`,
				);
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					...base,
					object: 'chat.completion',
					choices: [{ index: 0, message, finish_reason: finish }],
					usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
				}),
			);
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections?.();
				server.close(() => r());
			}),
	};
}
