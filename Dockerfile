FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.txt jupyterlab==4.6.6
COPY . .
RUN pip install --no-cache-dir --no-deps -e .
