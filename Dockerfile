FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt requirements-notebooks.txt pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.txt -r requirements-notebooks.txt
COPY . .
RUN pip install --no-cache-dir --no-deps -e .
